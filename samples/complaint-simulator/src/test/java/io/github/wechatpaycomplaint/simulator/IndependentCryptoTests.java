package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator and the test kit stand in for WeChat Pay: their main code signs, verifies
 * and encrypts with the simulator's own crypto, never with the starter's {@code crypto}
 * package that they are meant to check.
 */
class IndependentCryptoTests {

	private static final String STARTER_CRYPTO = "io.github.wechatpaycomplaint.crypto";

	@Test
	void theSimulatorsMainCodeDoesNotUseTheStartersCrypto() throws IOException {
		assertThat(sourcesUsingStarterCrypto(Path.of("src/main/java"))).isEmpty();
	}

	@Test
	void theTestKitsMainCodeDoesNotUseTheStartersCrypto() throws IOException {
		assertThat(sourcesUsingStarterCrypto(Path.of("../complaint-test-kit/src/main/java"))).isEmpty();
	}

	private static List<Path> sourcesUsingStarterCrypto(Path root) throws IOException {
		assertThat(root).isDirectory();
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
			assertThat(sources).isNotEmpty();
			return sources.stream().filter(IndependentCryptoTests::usesStarterCrypto).toList();
		}
	}

	private static boolean usesStarterCrypto(Path source) {
		try {
			String text = Files.readString(source);
			return text.contains(STARTER_CRYPTO + ".") || text.contains(STARTER_CRYPTO + ";");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
