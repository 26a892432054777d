/**
 * Facts about the machine FluentDL runs on, read in one place: {@link io.fluentdl.internal.host.CpuInfo}
 * (Linux's {@code /proc/cpuinfo}). Not API: it may change in any release.
 */
package io.fluentdl.internal.host;
