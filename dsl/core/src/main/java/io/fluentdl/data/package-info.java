/**
 * Data: an in-memory {@link io.fluentdl.data.Dataset} with seeded mini-batches (from Java arrays, CSV
 * files, split and normalised, as Keras users bring their own data), the
 * two-circles toy problem ({@link io.fluentdl.data.Circles}, a number-for-number port of
 * scikit-learn's {@code make_circles} on {@link io.fluentdl.data.NumpyRandom}, so the case study sees
 * the same 1,000 points as the Python original), and MNIST ({@link io.fluentdl.data.Mnist}), read
 * from LeCun's IDX files in a folder found by {@code --data}, {@code FLUENTDL_MNIST_DIR}, DL4J's cache
 * or the copy shipped in the {@code fluentdl-datasets} jar (checked against MNIST's SHA-256 sums),
 * checked byte by byte and never modified; any IDX data set of MNIST's format works the same way.
 * Everything here returns FLOAT arrays ready for DL4J; nothing downloads unless no folder with the
 * files is found and the shipped copy is not on the class path.
 */
package io.fluentdl.data;
