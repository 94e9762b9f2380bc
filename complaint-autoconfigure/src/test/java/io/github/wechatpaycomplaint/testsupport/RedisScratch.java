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

	private final String prefix = "wpc-test:" + UUID.randomUUID() + ":";

	private final StringRedisTemplate template = new StringRedisTemplate(this.connectionFactory);

	public StringRedisTemplate template() {
		return this.template;
	}

	public String prefix() {
		return this.prefix;
	}

	@Override
	public void close() {
		this.template.delete(this.template.keys(this.prefix + "*"));
		this.connectionFactory.destroy();
	}

}
