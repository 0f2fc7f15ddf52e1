/**
 * The book's 2-D illustrations of the optimizers (『ゼロから作るDeep Learning』 §6.1): the paths of every
 * optimizer on f(x, y) = x²/20 + y² (figure 6-8, {@code descent trajectory}) and Adam's bias-correction factors
 * 1/(1 − βᵗ) ({@code descent bias-correction}).
 */
package dev.descent.experiments.trajectory;
