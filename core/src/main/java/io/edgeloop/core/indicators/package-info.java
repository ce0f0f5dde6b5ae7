/**
 * Incremental technical indicators at TradingView Pine v5 parity: {@link
 * io.edgeloop.core.indicators.TimeframeBundle}, every indicator the model reads on one timeframe in
 * flat arrays, updated once per closed bar and peeked for a forming one; {@link
 * io.edgeloop.core.indicators.Cross} for crossings; {@link io.edgeloop.core.indicators.IndicatorReport}
 * for the {@code indicators} command.
 *
 * <p>Conventions:
 * <ul>
 *   <li>One {@code update} per closed bar, O(1) (windowed indicators keep a ring buffer and
 *   running sums, resynchronised from the ring once per window), no allocation, no boxing.</li>
 *   <li>Definitions follow the Pine v5 built-ins ({@code ta.sma}, {@code ta.ema}, {@code ta.rma},
 *   {@code ta.rsi}, {@code ta.tr}, {@code ta.atr}, {@code ta.stdev}, {@code ta.linreg},
 *   {@code ta.supertrend}, {@code ta.bb}, {@code ta.crossover}); where edgeloop deliberately differs
 *   (Keltner basis, SuperTrend direction sign) the bundle says so. The tests keep one reference
 *   class per built-in and hold the bundle to them bit for bit.</li>
 *   <li>Outputs are doubles and NaN until warmed up ("na" in Pine). Flags use 1/0, directions
 *   +1/-1/0, like {@code io.edgeloop.core.snapshot.Snapshot}.</li>
 *   <li>State is plain primitive fields and arrays; {@link io.edgeloop.core.indicators.IndicatorState}
 *   writes it to a {@link java.nio.ByteBuffer} in a fixed number of bytes and reads it back so
 *   that a restored bundle continues bit for bit.</li>
 *   <li>Instances are not thread-safe: one per ticker and timeframe, owned by one thread.</li>
 * </ul>
 */
package io.edgeloop.core.indicators;
