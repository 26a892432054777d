/** Learning rates: a fixed value or a schedule (immutable specs; DL4J forms live in internal.dl4j). */
package io.fluentdl.schedule;
