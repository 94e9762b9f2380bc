package io.github.wechatpaycomplaint.testsupport;

import java.util.UUID;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A connection to the {@code services} Redis whose keys start with a prefix of their own,
 * since other builds may share that Redis; closing it deletes those keys and the
 * connection.
 */
public final class RedisScratch implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory = Services.redis();

	private final String prefix;

	private final StringRedisTemplate template = new StringRedisTemplate(this.connectionFactory);

	public RedisScratch() {
		this.prefix = "wpc-test:" + UUID.randomUUID() + ":";
	}

	private RedisScratch(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * A scratch whose prefix is a hash tag, as stores that run Lua over several keys on
	 * Redis Cluster need.
	 * @return the scratch
	 */
	public static RedisScratch hashTagged() {
		return new RedisScratch("{wpc-test:" + UUID.randomUUID() + "}:");
	}

	public StringRedisTemplate template() {
		return this.template;
	}

	public LettuceConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	public String prefix() {
		return this.prefix;
	}

	/**
	 * Deletes the keys under a longer prefix, such as one test's.
	 * @param keyPrefix a prefix that starts with {@link #prefix()}
	 */
	public void deleteKeys(String keyPrefix) {
		if (!keyPrefix.startsWith(this.prefix)) {
			throw new IllegalArgumentException(keyPrefix + " is not under " + this.prefix);
		}
		this.template.delete(this.template.keys(keyPrefix + "*"));
	}

	@Override
	public void close() {
		deleteKeys(this.prefix);
		this.connectionFactory.destroy();
	}

}
