#!/usr/bin/env bash
# Runs SettingsProbe under each process-wide setting, interleaved, ROUNDS times; one PROBE line each.
# Usage: sweep.sh CLASSPATH [ROUNDS] [probe args...]   (FLUENTDL_MNIST_DIR must point at MNIST)
set -u
CP=$1; ROUNDS=${2:-3}; shift 2 || true
run() { # name, then env assignments
  local name=$1; shift
  echo -n "$name: "
  env "$@" java -Xmx2g -cp "$CP" io.fluentdl.experiments.bench.SettingsProbe "${PROBE_ARGS[@]}" 2>/dev/null | grep '^PROBE' || echo "failed"
}
PROBE_ARGS=("$@")
for r in $(seq 1 "$ROUNDS"); do
  echo "# round $r, load $(cut -d' ' -f1 /proc/loadavg)"
  run "machine-default(2thr,Haswell)"      OPENBLAS_CORETYPE=Haswell
  run "2thr,passive,Haswell"               OPENBLAS_CORETYPE=Haswell OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive
  run "1thr,Haswell"                       OPENBLAS_CORETYPE=Haswell OMP_NUM_THREADS=1
  run "1thr,SkylakeX"                      OPENBLAS_CORETYPE=SkylakeX OMP_NUM_THREADS=1
  run "2thr,passive,SkylakeX"              OPENBLAS_CORETYPE=SkylakeX OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive
  run "1thr,coretype-autodetect"           -u OPENBLAS_CORETYPE OMP_NUM_THREADS=1
  run "1thr,SkylakeX,generic-nd4j"         OPENBLAS_CORETYPE=SkylakeX OMP_NUM_THREADS=1 JAVA_TOOL_OPTIONS=-Dorg.bytedeco.javacpp.platform.extension=
done
