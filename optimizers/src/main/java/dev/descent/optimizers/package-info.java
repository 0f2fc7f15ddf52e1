/**
 * The parameter-update rules of chapter 6.1 of 『ゼロから作るDeep Learning』 (Deep Learning from Scratch):
 * {@link dev.descent.optimizers.Sgd}, {@link dev.descent.optimizers.Momentum},
 * {@link dev.descent.optimizers.Nesterov}, {@link dev.descent.optimizers.AdaGrad},
 * {@link dev.descent.optimizers.RmsProp} and {@link dev.descent.optimizers.Adam}, behind one
 * {@link dev.descent.optimizers.Optimizer} interface whose {@code update(params, grads)} changes the
 * parameter arrays in place.
 *
 * <p>The seam to the rest of the project is a plain {@code Map<String, float[]>}: this package knows nothing
 * about layers or networks, and depends on the JDK alone.
 *
 * <p>Numerics. Parameters and optimizer state are float32, as in the network. Hyperparameters are doubles,
 * and every scalar coefficient a rule needs ({@code lr}, {@code μ²}, {@code 1−β}, Adam's {@code lr_t} with its
 * powers of β) is computed in double and rounded to float once per update call. This is what NumPy does when
 * the book multiplies a Python float by a float32 array, and it keeps the inner loops pure float arithmetic.
 * Each rule evaluates its expression in the book's order (for example {@code (lr·g)/(√h + ε)}), so the float
 * results follow the book's code step by step.
 *
 * <p>Spec strings such as {@code adam:lr=0.3} name an optimizer and its hyperparameters;
 * {@link dev.descent.optimizers.Optimizers#parse(String)} turns one into a fresh optimizer, and every
 * optimizer's {@code toString()} prints its full canonical spec.
 */
package dev.descent.optimizers;
