package dev.descent.experiments.spark;

import dev.descent.experiments.train.RunResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a task sends back to the driver: the run's key and its {@link RunResult}, as plain bytes.
 *
 * <p>Bytes, not a serializable object, so that the result survives whatever serializer a cluster is configured
 * with (Java or Kryo) unchanged: doubles travel as their raw bits ({@link Double#doubleToRawLongBits}), so the
 * driver stores exactly the numbers the executor computed. A 2000-iteration run is about 16 KB.
 *
 * @param key    the run's key, checked by the driver against the task's partition
 * @param result the run, complete or stopped
 */
record RunOutcome(String key, RunResult result) {
    /** Marks the layout, so that a jar of another version on an executor fails loudly instead of misreading. */
    private static final int LAYOUT = 0x64657331; // "des1"

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 8 * result.losses().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(LAYOUT);
            out.writeUTF(key);
            out.writeUTF(result.optimizer());
            out.writeBoolean(result.complete());
            out.writeInt(result.divergedAt());
            out.writeLong(result.wallNanos());
            out.writeLong(result.trainNanos());
            writeDoubles(out, result.losses());
            out.writeInt(result.evalIterations().length);
            for (int iteration : result.evalIterations()) {
                out.writeInt(iteration);
            }
            writeDoubles(out, result.testAccuracy());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode run " + key + " in memory", e);
        }
        return bytes.toByteArray();
    }

    static RunOutcome decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != LAYOUT) {
                throw new IllegalStateException("a task returned bytes that are not a descent run result: is the"
                        + " executor running another version of descent.jar?");
            }
            String key = in.readUTF();
            String optimizer = in.readUTF();
            boolean complete = in.readBoolean();
            int divergedAt = in.readInt();
            long wallNanos = in.readLong();
            long trainNanos = in.readLong();
            double[] losses = readDoubles(in);
            int[] evalIterations = new int[in.readInt()];
            for (int i = 0; i < evalIterations.length; i++) {
                evalIterations[i] = in.readInt();
            }
            double[] accuracy = readDoubles(in);
            if (in.read() != -1) {
                throw new IllegalStateException("a task's result for run " + key + " has trailing bytes");
            }
            return new RunOutcome(key, new RunResult(optimizer, losses, evalIterations, accuracy, divergedAt, complete,
                    wallNanos, trainNanos));
        } catch (IOException e) {
            throw new IllegalStateException("a task returned a truncated run result (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeLong(Double.doubleToRawLongBits(value));
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }
}
