/**
 * The batch-normalization case study: does BN, and where it sits, speed up learning on two circles?
 */
package io.fluentdl.experiments.bn;
