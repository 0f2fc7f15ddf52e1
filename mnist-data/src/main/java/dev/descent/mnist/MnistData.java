package dev.descent.mnist;

import java.util.Objects;

/**
 * A data set's two parts: the training examples and the test examples.
 *
 * @param train the training set (60,000 for MNIST)
 * @param test  the test set (10,000 for MNIST)
 */
public record MnistData(Dataset train, Dataset test) {

    public MnistData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("train images are " + train.rows() + "x" + train.cols()
                    + " but test images are " + test.rows() + "x" + test.cols() + "; both must be the same size");
        }
    }
}
