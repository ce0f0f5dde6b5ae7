package io.edgeloop.stack.loop;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The progress of a running loop on the terminal. On a terminal: one bar redrawn in place
 * ({@code \r}) every {@code period}; otherwise (a pipe, a file, CI) a plain line every
 * {@code plainEvery} readings, so logs stay readable.
 *
 * <pre>
 * [##########..........]  50%  candles 12,000/24,000 published, 12,000 processed | predictions 310 | outcomes 280 | 0:42 scoring
 * </pre>
 * The bar's fraction is candles processed / records the connector found (the connector finds
 * the files' bars while it reads them, so the total grows during the first seconds).
 */
public final class ProgressLine implements AutoCloseable {

    static final int WIDTH = 20;

    private final PrintWriter out;
    private final boolean terminal;
    private final Supplier<LoopProgress> source;
    private final long periodMillis;
    private final int plainEvery;
    private final Thread thread;
    private volatile boolean running = true;
    private int drawn;

    /**
     * Starts drawing on its own thread.
     *
     * @param terminal     whether {@code out} is a terminal
     * @param periodMillis time between two readings
     * @param plainEvery   readings between two plain lines when not on a terminal
     */
    public ProgressLine(PrintWriter out, boolean terminal, Supplier<LoopProgress> source, long periodMillis,
                        int plainEvery) {
        this.out = out;
        this.terminal = terminal;
        this.source = source;
        this.periodMillis = periodMillis;
        this.plainEvery = plainEvery;
        this.thread = new Thread(this::loop, "edgeloop-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this process's standard output is an interactive terminal. */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /** The text of one reading, without a line end. */
    static String render(LoopProgress p, boolean bar) {
        StringBuilder s = new StringBuilder();
        if (bar) {
            double fraction = p.found() == 0 ? 0 : Math.min(1.0, (double) p.processed() / p.found());
            int filled = (int) Math.floor(fraction * WIDTH);
            s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  ", Math.round(fraction * 100)));
        }
        long seconds = p.elapsedMillis() / 1000;
        s.append(String.format(Locale.ROOT, "candles %,d/%,d published, %,d processed | predictions %,d | outcomes %,d | %d:%02d %s",
                p.published(), p.found(), p.processed(), p.predictions(), p.outcomes(), seconds / 60, seconds % 60,
                p.stage()));
        return s.toString();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                draw(source.get());
            }
        }
    }

    private synchronized void draw(LoopProgress p) {
        if (terminal) {
            out.print("\r" + render(p, true) + "\u001b[K");
            out.flush();
        } else if (drawn % plainEvery == 0) {
            out.println("edgeloop: " + render(p, false));
            out.flush();
        }
        drawn++;
    }

    /** Stops drawing; on a terminal the last reading stays on its own line. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (terminal) {
                out.print("\r" + render(source.get(), true) + "\u001b[K\n");
                out.flush();
            }
        }
    }
}
