package dev.descent.network.layers;

/**
 * Whether a forward pass is part of training or of evaluation, the book's {@code train_flg}. Only the
 * layers that behave differently take it: {@link BatchNorm} (batch statistics and updating the running
 * averages in training, the running averages in evaluation) and {@link Dropout} (random masks in
 * training, a fixed scale in evaluation).
 */
public enum Mode {
    /** Training: batch statistics, fresh dropout masks; a backward pass may follow. */
    TRAIN,
    /** Evaluation (the book's test time): deterministic, row by row, no state changes. */
    EVALUATION
}
