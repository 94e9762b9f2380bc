package io.github.wechatpaycomplaint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vectors made with the official WeChat Pay Java SDK (wechatpay-java-core 0.2.17),
 * copied from shared/vectors.
 */
public final class Vectors {

	private static final JsonNode ROOT = load();

	private Vectors() {
	}

	public static JsonNode root() {
		return ROOT;
	}

	public static JsonNode keys() {
		return ROOT.get("keys");
	}

	public static String key(String name) {
		return keys().get(name).asString();
	}

	private static JsonNode load() {
		try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream("wechatpay-vectors.json")) {
			return new JsonMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
