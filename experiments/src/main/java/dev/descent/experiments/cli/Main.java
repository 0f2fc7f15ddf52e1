package dev.descent.experiments.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("descent");
    }
}
