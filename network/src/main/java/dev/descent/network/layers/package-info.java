/**
 * The network's layers as forward/backward pairs after chapter 5 of the book: {@link
 * dev.descent.network.layers.Affine}, {@link dev.descent.network.layers.Relu}, {@link
 * dev.descent.network.layers.Sigmoid} and {@link dev.descent.network.layers.SoftmaxWithLoss}, and after chapter 6
 * {@link dev.descent.network.layers.BatchNorm} and {@link dev.descent.network.layers.Dropout}, whose forward
 * pass takes a {@link dev.descent.network.layers.Mode} (training or evaluation).
 *
 * <p>Each instance serves one batch size, owns its output buffers (allocated once) and keeps what its
 * backward pass needs. Matrices are {@link dev.descent.network.matrix.Matrix} (row-major float32).
 */
package dev.descent.network.layers;
