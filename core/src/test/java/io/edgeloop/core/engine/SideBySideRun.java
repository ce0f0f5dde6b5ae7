package io.edgeloop.core.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two builds of core in one JVM, compared on a loaded machine: each build's classes in a class
 * loader of their own (child-first for {@code io.edgeloop}), passes of {@link EngineBenchmark}'s
 * plain loop alternated between them (the order swapped every round) and timed with the thread's
 * CPU time, so both builds see the same load; prints each build's median and the median of the
 * paired ratios new / old. {@code -Dedgeloop.sbs.old=DIR} and {@code -Dedgeloop.sbs.new=DIR} are
 * {@code core/target} folders of compiled builds (classes and test-classes; the old one needs no
 * copy of this class), {@code -Dedgeloop.sbs.loop=update|indicators}, {@code .rounds} (20):
 * {@code mvn -B -q -pl core test -Dtest=SideBySideRun -Dedgeloop.sbs.old=/path/old/core/target
 * -Dedgeloop.sbs.new=target}.
 */
@EnabledIfSystemProperty(named = "edgeloop.sbs.old", matches = ".+")
class SideBySideRun {

    private static final Logger LOG = LoggerFactory.getLogger(SideBySideRun.class);

    /** Runs inside each build's loader: the loop over the benchmark's candles. */
    public static final class Loop {
        private static EngineBenchmark bench;
        private static int candles;

        public static int load() {
            bench = new EngineBenchmark();
            bench.load();
            candles = bench.candles();
            return candles;
        }

        public static double pass(boolean model) {
            double sink = 0;
            for (int i = 0; i < candles; i++) {
                sink += model ? bench.update().time() : bench.indicators();
            }
            return sink;
        }
    }

    @Test
    void shouldCompareTwoBuildsPassByPass() throws Exception {
        String[] dirs = {System.getProperty("edgeloop.sbs.old"), System.getProperty("edgeloop.sbs.new", "target")};
        boolean model = !"indicators".equals(System.getProperty("edgeloop.sbs.loop", "update"));
        int rounds = Integer.getInteger("edgeloop.sbs.rounds", 20);
        URL self = SideBySideRun.class.getProtectionDomain().getCodeSource().getLocation();
        Method[] pass = new Method[2];
        int candles = 0;
        for (int v = 0; v < 2; v++) {
            URL[] urls = {Path.of(dirs[v], "classes").toUri().toURL(), Path.of(dirs[v], "test-classes").toUri().toURL(),
                self};
            Class<?> loop = Class.forName(Loop.class.getName(), true, new ChildFirst(urls));
            candles = (Integer) loop.getMethod("load").invoke(null);
            pass[v] = loop.getMethod("pass", boolean.class);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 6; w++) {
            pass[0].invoke(null, model);
            pass[1].invoke(null, model);
        }
        double[][] rates = new double[2][rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = (r + k) % 2;
                long cpu0 = threads.getCurrentThreadCpuTime();
                pass[v].invoke(null, model);
                rates[v][r] = candles / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
            }
            ratios[r] = rates[1][r] / rates[0][r];
        }
        Arrays.sort(rates[0]);
        Arrays.sort(rates[1]);
        Arrays.sort(ratios);
        LOG.info("{} loop, {} paired passes: old {} candles per CPU-second, new {} (medians); new / old {} "
                        + "(quartiles {} to {})", model ? "model" : "indicators", rounds,
                String.format("%,.0f", rates[0][rounds / 2]), String.format("%,.0f", rates[1][rounds / 2]),
                String.format("%.3f", ratios[rounds / 2]), String.format("%.3f", ratios[rounds / 4]),
                String.format("%.3f", ratios[3 * rounds / 4]));
        assertThat(ratios[0]).isPositive();
    }

    /** Loads {@code io.edgeloop} classes from its own folders first, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls) {
            super(urls, SideBySideRun.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.edgeloop.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
