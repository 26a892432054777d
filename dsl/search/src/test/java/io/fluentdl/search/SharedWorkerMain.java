package io.fluentdl.search;

import java.time.Duration;

/**
 * A worker process for {@link SharedStudyTest}: joins the study {@code args[1]} at {@code args[0]}
 * and runs the shared synthetic search ({@code args[2]} trials, heartbeat every {@code args[3]} ms,
 * {@code args[4]} ms per epoch), printing {@code RAN <number>} as each trial starts.
 */
public final class SharedWorkerMain {

    private SharedWorkerMain() {
    }

    public static void main(String[] args) {
        try (Study study = Study.open(args[0], args[1])) {
            search(study, Integer.parseInt(args[2]), Duration.ofMillis(Long.parseLong(args[3])), Long.parseLong(args[4]));
        }
        System.out.println("DONE");
    }

    /** The search every worker runs: random, seed 9, no pruner, joining the study (resume). */
    static SearchResult<java.util.Map<String, Object>> search(Study study, int trials, Duration heartbeat, long epochMillis) {
        return RandomSearch.over(Synthetic.space()).trials(trials).seed(9).maximize().study(study).resume()
                .heartbeat(heartbeat).objective((model, trial, reporter) -> {
                    System.out.printf("RAN %d%n", trial.number());
                    System.out.flush();
                    return Synthetic.objective().evaluate(model, trial, (epoch, metrics) -> {
                        try {
                            Thread.sleep(epochMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        reporter.report(epoch, metrics);
                    });
                }).run();
    }
}
