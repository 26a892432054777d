/** Activations, initialisers and losses under their Keras names; each javadoc says what it maps to in DL4J. */
package io.fluentdl.nn;
