package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;

/**
 * A forward/backward pair for a fixed batch size N. The layer keeps what its backward pass needs from the
 * last forward pass and writes its outputs into buffers it owns, allocated once, so repeated calls create
 * no garbage. Call order: {@code forward}, then at most one {@code backward}, per batch.
 */
public interface Layer {

    /**
     * @param x x is (N, inputWidth); kept by reference until the next forward
     * @return out (N, outputWidth), owned by the layer and overwritten by the next forward
     */
    Matrix forward(Matrix x);

    /**
     * @param dout dout is (N, outputWidth), the loss gradient with respect to this layer's output
     * @return dx (N, inputWidth), owned by the layer; null for a layer built not to compute it
     */
    Matrix backward(Matrix dout);
}
