package dev.descent.experiments.trajectory;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A starting point in float32, the precision of the parameters, parsed from {@code X,Y}.
 *
 * @param x the x coordinate, finite
 * @param y the y coordinate, finite
 */
public record StartPoint(float x, float y) {

    public StartPoint {
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            throw new IllegalArgumentException("a start point must be finite, got (" + x + ", " + y + ")");
        }
    }

    /** The book's start (−7, 2). */
    public static StartPoint book() {
        return new StartPoint(Bowl.START_X, Bowl.START_Y);
    }

    @Override
    public String toString() {
        return x + "," + y;
    }

    /** Parses {@code X,Y} for picocli; errors say what was expected. */
    public static final class Converter implements ITypeConverter<StartPoint> {
        @Override
        public StartPoint convert(String value) {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                throw new TypeConversionException("expected X,Y such as -7,2 but got '" + value + "'");
            }
            float[] coordinates = new float[2];
            for (int i = 0; i < 2; i++) {
                String part = parts[i].trim();
                try {
                    coordinates[i] = Float.parseFloat(part);
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + part + "' in '" + value
                        + "' is not a number; expected X,Y such as -7,2");
                }
                if (!Float.isFinite(coordinates[i])) {
                    throw new TypeConversionException("'" + part + "' in '" + value
                        + "' is not a finite float32 number; expected X,Y such as -7,2");
                }
            }
            return new StartPoint(coordinates[0], coordinates[1]);
        }
    }
}
