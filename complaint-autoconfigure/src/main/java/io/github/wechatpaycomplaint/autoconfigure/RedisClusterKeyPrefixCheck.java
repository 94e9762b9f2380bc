package io.github.wechatpaycomplaint.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Refuses, at startup, a key prefix without a hash tag when Redis is a cluster: the
 * scripts of the Redis inbox and ledger touch several keys in one call, which Redis
 * Cluster allows only when all of them hash to one slot, that is when they share the part
 * in braces. Without this check the first notification would fail with {@code CROSSSLOT}.
 * Whether Redis is a cluster is read from the configuration of a Lettuce connection
 * factory (Spring Boot's default client), without opening a connection; other clients are
 * not checked.
 */
final class RedisClusterKeyPrefixCheck {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			RedisClusterKeyPrefixCheck.class.getClassLoader());

	private RedisClusterKeyPrefixCheck() {
	}

	/**
	 * Checks a key prefix against the connection factory.
	 * @param connectionFactory the factory the keys are written through
	 * @param keyPrefix the prefix of every key
	 * @param keyPrefixProperty the property that sets it
	 * @throws InvalidComplaintPropertyException when Redis is a cluster and the prefix
	 * has no hash tag
	 */
	static void check(@Nullable RedisConnectionFactory connectionFactory, String keyPrefix, String keyPrefixProperty) {
		if (hasHashTag(keyPrefix) || !isCluster(connectionFactory)) {
			return;
		}
		throw new InvalidComplaintPropertyException(keyPrefixProperty,
				"it is '" + keyPrefix + "', without a hash tag, and Redis is a cluster: the starter's scripts use "
						+ "several keys at once, which Redis Cluster allows only within one hash slot",
				"Put the shared part of the prefix in braces, e.g. '{" + keyPrefix.replace(":", "").trim()
						+ "}:', as the default does.");
	}

	/**
	 * Whether a prefix holds a Redis hash tag: a '{' followed, later, by a '}' with at
	 * least one character between them.
	 * @param keyPrefix the prefix
	 * @return {@code true} when every key under the prefix hashes to one slot
	 */
	static boolean hasHashTag(String keyPrefix) {
		int open = keyPrefix.indexOf('{');
		return open >= 0 && keyPrefix.indexOf('}', open + 1) > open + 1;
	}

	private static boolean isCluster(@Nullable RedisConnectionFactory connectionFactory) {
		if (LETTUCE_PRESENT && connectionFactory instanceof LettuceConnectionFactory lettuce) {
			return lettuce.isClusterAware();
		}
		return false;
	}

}
