package io.github.wechatpaycomplaint.samples.complainthandling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The sample's executable jar running in a JVM of its own, as a user starts it; its
 * output goes to a file, which tells the port it listens on.
 */
final class ProcessedApplication implements AutoCloseable {

	private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final Path output;

	private ProcessedApplication(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Starts {@code java <jvmArguments> -jar <jar> <arguments>}.
	 * @param jar the executable jar
	 * @param jvmArguments the JVM's arguments, such as system properties
	 * @param arguments the application's arguments
	 * @param output where the application's output goes
	 * @return the running application
	 */
	static ProcessedApplication start(Path jar, List<String> jvmArguments, List<String> arguments, Path output) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			return new ProcessedApplication(process, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + command, ex);
		}
	}

	/**
	 * Waits until the application listens.
	 * @param patience how long to wait
	 * @return its port
	 */
	int awaitPort(Duration patience) {
		await().atMost(patience).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The application stopped (exit " + this.process.exitValue() + "):\n" + output());
			}
			return STARTED_ON_PORT.matcher(output()).find();
		});
		Matcher matcher = STARTED_ON_PORT.matcher(output());
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
