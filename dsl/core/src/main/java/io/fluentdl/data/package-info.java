/**
 * Data for experiments: an in-memory {@link io.fluentdl.data.Dataset} with seeded mini-batches, the
 * two-circles toy problem ({@link io.fluentdl.data.Circles}, a number-for-number port of
 * scikit-learn's {@code make_circles} on {@link io.fluentdl.data.NumpyRandom}, so the case study sees
 * the same 1,000 points as the Python original), and MNIST ({@link io.fluentdl.data.Mnist}), read
 * from LeCun's IDX files in a folder found by {@code --data}, {@code FLUENTDL_MNIST_DIR}, DL4J's cache
 * or DL4J's download, checked byte by byte and never modified. Everything here returns FLOAT arrays
 * ready for DL4J; nothing downloads unless no folder with the files is found.
 */
package io.fluentdl.data;
