package dev.descent.experiments.trajectory;

import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code trajectory.csv}: {@code optimizer,step,x,y}, step 0 the start; floats that read back exactly. */
public final class TrajectoryCsv {
    public static final String[] HEADER = {"optimizer", "step", "x", "y"};

    private TrajectoryCsv() {
    }

    public static void write(Path file, List<Trajectory> trajectories) throws IOException {
        AtomicFiles.writeText(file, out -> {
            CsvWriter csv = new CsvWriter(out, HEADER);
            for (Trajectory trajectory : trajectories) {
                for (int step = 0; step <= trajectory.steps(); step++) {
                    csv.row(trajectory.optimizer(), step, trajectory.x()[step], trajectory.y()[step]);
                }
            }
        });
    }
}
