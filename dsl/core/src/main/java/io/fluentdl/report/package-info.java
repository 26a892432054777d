/** Keras-style summaries and parameter counts of model specs. */
package io.fluentdl.report;
