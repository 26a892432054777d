/**
 * Facts about the machine and the native code a run used: CPU, GPU, versions, which ND4J native
 * build JavaCPP loaded and with how many threads. They go into provenance and the run log.
 */
package io.fluentdl.experiments.runtime;
