package io.edgeloop.stack;

import java.util.concurrent.Callable;

import io.edgeloop.schemas.topics.TopicCatalogJson;
import io.edgeloop.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeloop topics}: the topic catalog, as a table or as JSON. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Print the topic catalog: name, partitions, cleanup policy, configs.")
final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for programs: every topic with key, value schema and its versions, partitions, cleanup policy, retention and configs.")
    boolean json;

    @Override
    public Integer call() {
        String text = json ? TopicCatalogJson.render() + System.lineSeparator()
                : TopicCatalogView.table(Topics.all());
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
