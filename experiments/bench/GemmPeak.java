import dev.descent.network.kernels.Gemm;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Peak GFLOP/s of descent's GEMM on the training step's shapes: the best of many short windows (2·10⁷ flops each,
 * about 0.15 ms) over 4 s per shape, which a busy machine disturbs far less than JMH's one-second averages. Set it beside {@code numpy_gemm.py} (OpenBLAS sgemm, one thread) run in the same minute.
 *
 * <p>Run (after {@code ./descent --version} has built the jar):
 * {@code java --add-modules jdk.incubator.vector -cp experiments/target/descent.jar experiments/bench/GemmPeak.java [form:MxNxK ...]}
 */
public class GemmPeak {
    public static void main(String[] args) {
        String[] shapes = args.length > 0 ? args : new String[] {"ab:128x100x784", "atb:784x100x128",
            "ab:128x100x100", "atb:100x100x128", "abt:128x100x100"};
        Gemm gemm = Gemm.create();
        System.out.println("path: " + gemm.path());
        SplittableRandom random = new SplittableRandom(1);
        for (String shape : shapes) {
            String[] formAndSize = shape.split(":");
            String[] mnk = formAndSize[1].split("x");
            int m = Integer.parseInt(mnk[0]);
            int n = Integer.parseInt(mnk[1]);
            int k = Integer.parseInt(mnk[2]);
            float[] a = new float[m * k];   // (m, k) for ab and abt, (k, m) for atb
            float[] b = new float[k * n];   // (k, n) for ab and atb, (n, k) for abt
            float[] c = new float[m * n];   // (m, n)
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextDouble();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextDouble();
            }
            double flops = 2.0 * m * n * k;
            int calls = Math.max(1, (int) (2e7 / flops));
            double best = 0;
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    switch (formAndSize[0]) {
                        case "ab" -> gemm.ab(a, b, c, m, n, k, false);
                        case "atb" -> gemm.atb(a, b, c, m, n, k, false);
                        default -> gemm.abt(a, b, c, m, n, k, false);
                    }
                }
                best = Math.max(best, flops * calls / (System.nanoTime() - start));
            }
            System.out.printf(Locale.ROOT, "%-16s best window %.1f GFLOP/s%n", shape, best);
        }
    }
}
