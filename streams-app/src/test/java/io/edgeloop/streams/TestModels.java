package io.edgeloop.streams;

/** The per-ticker model the integration tests run. */
final class TestModels {

    private TestModels() {
    }

    static TickerModels models() {
        return ScriptedModels.cycle();
    }
}
