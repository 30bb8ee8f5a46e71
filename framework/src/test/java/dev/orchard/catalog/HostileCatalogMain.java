package dev.orchard.catalog;

import java.util.List;

/**
 * Reads each catalog given and prints, per file, how it failed, how long it took and the heap in use: run by
 * {@link HostileCatalogTest} in a JVM with a small heap. Exits 1 when a file is read without error.
 */
final class HostileCatalogMain {

    private HostileCatalogMain() {
    }

    public static void main(String[] args) {
        int status = 0;
        Runtime runtime = Runtime.getRuntime();
        for (String file : args) {
            long start = System.nanoTime();
            try {
                Catalog.read(List.of(file));
                System.out.println("READ " + file);
                status = 1;
            } catch (CatalogException e) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                long usedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
                System.out.println("FAILED " + file + " in " + ms + " ms, heap used " + usedMb + " MB of "
                        + (runtime.maxMemory() >> 20) + " MB: " + e.getMessage().length() + " chars: "
                        + e.getMessage());
            }
        }
        System.exit(status);
    }
}
