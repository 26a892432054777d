/** Optimizers (DL4J: updaters) with Keras' defaults stated once each as constants. */
package io.fluentdl.optim;
