/**
 * Layer specs as written by the user (immutable records) and the model-wide {@link io.fluentdl.layers.BnPlacement} switch.
 */
package io.fluentdl.layers;
