package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgeloop.stack.EdgeloopCommand;

class GeneratedFilesTest {

    private static final String RENDER = "run `./edgeloop deploy render` from the repository root and commit the result";

    @Test
    void shouldMatchTheCheckedInManifestsAndScriptWithAFreshRender() {
        for (Map.Entry<String, String> file : DeployRenderer.render().entrySet()) {
            Path checkedIn = DeployRenderer.kubernetesFiles().contains(file.getKey())
                    ? DeployFiles.file("k8s/generated/" + file.getKey())
                    : DeployFiles.file("docker/generated/" + file.getKey());
            assertThat(checkedIn).as(checkedIn + " is missing; " + RENDER).isRegularFile();
            assertThat(DeployFiles.text(checkedIn)).as(checkedIn + " differs from the catalog; " + RENDER)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void shouldWriteEveryFileWithTheDeployRenderCommand(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        int code = EdgeloopCommand.commandLine().setOut(new PrintWriter(out, true))
                .execute("deploy", "render", "--out", dir.resolve("k8s").toString(),
                        "--compose-out", dir.resolve("compose").toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(DeployRenderer.render().size()).allMatch(l -> l.startsWith("wrote "));
        assertThat(Files.readString(dir.resolve("k8s").resolve(DeployRenderer.TOPICS_FILE)))
                .isEqualTo(DeployRenderer.render().get(DeployRenderer.TOPICS_FILE));
        assertThat(Files.readString(dir.resolve("k8s").resolve(DeployRenderer.USERS_FILE)))
                .isEqualTo(DeployRenderer.render().get(DeployRenderer.USERS_FILE));
        Path script = dir.resolve("compose").resolve(DeployRenderer.TOPIC_SCRIPT_FILE);
        assertThat(Files.readString(script)).isEqualTo(DeployRenderer.render().get(DeployRenderer.TOPIC_SCRIPT_FILE));
        assertThat(Files.isExecutable(script)).isTrue();
    }

    @Test
    void shouldRefuseDeployWithoutASubcommand() {
        StringWriter err = new StringWriter();
        int code = EdgeloopCommand.commandLine().setErr(new PrintWriter(err, true)).execute("deploy");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command").contains("render");
    }
}
