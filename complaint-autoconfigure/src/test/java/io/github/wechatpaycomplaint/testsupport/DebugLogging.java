package io.github.wechatpaycomplaint.testsupport;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns DEBUG on for one logger while a test runs:
 * {@code try (DebugLogging debug = DebugLogging.of(Foo.class))}.
 */
public final class DebugLogging implements AutoCloseable {

	private final LoggingSystem loggingSystem = LoggingSystem.get(DebugLogging.class.getClassLoader());

	private final String name;

	private DebugLogging(String name) {
		this.name = name;
		this.loggingSystem.setLogLevel(name, LogLevel.DEBUG);
	}

	public static DebugLogging of(Class<?> type) {
		return new DebugLogging(type.getName());
	}

	@Override
	public void close() {
		this.loggingSystem.setLogLevel(this.name, null);
	}

}
