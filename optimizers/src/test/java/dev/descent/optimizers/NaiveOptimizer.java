package dev.descent.optimizers;

import java.util.HashMap;
import java.util.Map;

/**
 * The slow, obvious twin of each rule: the formulas of issue 2 (the book's rules) written out in double
 * precision, one element at a time, with nothing shared with the code under test.
 */
abstract class NaiveOptimizer {

    /** Per-key state, created on a key's first step. */
    final Map<String, double[]> first = new HashMap<>();
    final Map<String, double[]> second = new HashMap<>();

    /** Updates each params array in place. */
    final void step(Map<String, double[]> params, Map<String, double[]> grads) {
        beginStep();
        for (String key : params.keySet()) {
            double[] W = params.get(key);
            double[] g = grads.get(key);
            double[] s1 = first.computeIfAbsent(key, k -> new double[W.length]);
            double[] s2 = second.computeIfAbsent(key, k -> new double[W.length]);
            for (int i = 0; i < W.length; i++) {
                W[i] = element(W[i], g[i], s1, s2, i);
            }
        }
    }

    void beginStep() {
    }

    /** The rule for one element: returns the new W, updates the state in s1[i] and s2[i]. */
    abstract double element(double W, double g, double[] s1, double[] s2, int i);

    static NaiveOptimizer sgd(double lr) {
        return new NaiveOptimizer() {
            @Override
            double element(double W, double g, double[] s1, double[] s2, int i) {
                return W - lr * g;
            }
        };
    }

    static NaiveOptimizer momentum(double lr, double mu) {
        return new NaiveOptimizer() {
            @Override
            double element(double W, double g, double[] v, double[] unused, int i) {
                v[i] = mu * v[i] - lr * g;
                return W + v[i];
            }
        };
    }

    static NaiveOptimizer nesterov(double lr, double mu) {
        return new NaiveOptimizer() {
            @Override
            double element(double W, double g, double[] v, double[] unused, int i) {
                double next = W + mu * mu * v[i] - (1 + mu) * lr * g;
                v[i] = mu * v[i] - lr * g;
                return next;
            }
        };
    }

    static NaiveOptimizer adagrad(double lr, double eps) {
        return new NaiveOptimizer() {
            @Override
            double element(double W, double g, double[] h, double[] unused, int i) {
                h[i] = h[i] + g * g;
                return W - lr * g / (Math.sqrt(h[i]) + eps);
            }
        };
    }

    static NaiveOptimizer rmsprop(double lr, double decay, double eps) {
        return new NaiveOptimizer() {
            @Override
            double element(double W, double g, double[] h, double[] unused, int i) {
                h[i] = decay * h[i] + (1 - decay) * g * g;
                return W - lr * g / (Math.sqrt(h[i]) + eps);
            }
        };
    }

    /** Adam in the efficient order. */
    static NaiveOptimizer adam(double lr, double beta1, double beta2, double eps) {
        return new NaiveOptimizer() {
            int t;
            double lrT;

            @Override
            void beginStep() {
                t++;
                lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            }

            @Override
            double element(double W, double g, double[] m, double[] v, int i) {
                m[i] = m[i] + (1 - beta1) * (g - m[i]);
                v[i] = v[i] + (1 - beta2) * (g * g - v[i]);
                return W - lrT * m[i] / (Math.sqrt(v[i]) + eps);
            }
        };
    }

    /**
     * Adam as Algorithm 1 of Kingma &amp; Ba writes it (bias-corrected moments, as PyTorch does), with ε replaced
     * by eps/√(1−β2ᵗ): the Javadoc of {@link Adam} claims this is the same rule as the efficient order.
     */
    static NaiveOptimizer adamBiasCorrected(double lr, double beta1, double beta2, double eps) {
        return new NaiveOptimizer() {
            int t;

            @Override
            void beginStep() {
                t++;
            }

            @Override
            double element(double W, double g, double[] m, double[] v, int i) {
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                double epsHat = eps / Math.sqrt(1 - Math.pow(beta2, t));
                return W - lr * mHat / (Math.sqrt(vHat) + epsHat);
            }
        };
    }
}
