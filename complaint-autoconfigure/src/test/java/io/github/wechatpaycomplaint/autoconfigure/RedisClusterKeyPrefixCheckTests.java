package io.github.wechatpaycomplaint.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as a hash tag in a key prefix.
 */
class RedisClusterKeyPrefixCheckTests {

	@Test
	void aHashTagNeedsBracesAroundAtLeastOneCharacter() {
		assertThat(RedisClusterKeyPrefixCheck.hasHashTag("{wechatpay:complaint:inbox}:")).isTrue();
		assertThat(RedisClusterKeyPrefixCheck.hasHashTag("app:{inbox}:")).isTrue();
		assertThat(RedisClusterKeyPrefixCheck.hasHashTag("wechatpay:complaint:inbox:")).isFalse();
		assertThat(RedisClusterKeyPrefixCheck.hasHashTag("{}:inbox:")).isFalse();
		assertThat(RedisClusterKeyPrefixCheck.hasHashTag("}inbox{")).isFalse();
		assertThat(RedisClusterKeyPrefixCheck.hasHashTag("inbox{:")).isFalse();
	}

	@Test
	void withoutALettuceClusterFactoryNothingIsChecked() {
		RedisClusterKeyPrefixCheck.check(null, "no-tag:", "some.property");
	}

}
