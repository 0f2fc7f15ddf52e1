/**
 * Fast float32 kernels on flat row-major arrays: {@link dev.descent.network.kernels.Gemm} (A·B, Aᵀ·B, A·Bᵀ)
 * and {@link dev.descent.network.kernels.ElementWise} (bias add, column sums, ReLU).
 *
 * <p>The GEMM has a Vector API path (one species per JVM, chosen by
 * {@link dev.descent.network.kernels.KernelPath}) and a scalar fallback; both compute every output as the
 * same fma chain, so they agree to the bit. The vector classes are loaded by name only when
 * {@code jdk.incubator.vector} is present. Slow, obvious twins of every kernel live in the test sources.
 *
 * <p>{@link dev.descent.network.kernels.NonZeroIndex} lists a batch's non-zero inputs, and
 * {@link dev.descent.network.kernels.Gemm#sparseAb} / {@link dev.descent.network.kernels.Gemm#sparseAtb} run the
 * dense fma chains over those terms only, with the dense bits; {@link dev.descent.network.kernels.SparseMode}
 * ({@code -Ddescent.sparse=on|off|auto}) decides when.
 */
package dev.descent.network.kernels;
