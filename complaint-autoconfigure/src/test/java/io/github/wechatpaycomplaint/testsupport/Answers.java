package io.github.wechatpaycomplaint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Realistic WeChat Pay answers (spec §6 examples, completed with every documented field)
 * from {@code src/test/resources/answers}.
 */
public final class Answers {

	private Answers() {
	}

	public static String read(String name) {
		try (InputStream in = Answers.class.getClassLoader().getResourceAsStream("answers/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No answer fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
