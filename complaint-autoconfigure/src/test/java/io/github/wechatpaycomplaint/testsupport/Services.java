package io.github.wechatpaycomplaint.testsupport;

import javax.sql.DataSource;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real servers the {@code services} tests talk to, on 127.0.0.1 as the README and CI
 * start them. A missing server fails the test; nothing is skipped.
 */
public final class Services {

	public static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	private Services() {
	}

	public static DataSource postgresql() {
		return new DriverManagerDataSource(POSTGRESQL_URL, "postgres", "");
	}

	public static DataSource mariadb() {
		return new DriverManagerDataSource(MARIADB_URL, "root", "");
	}

	public static LettuceConnectionFactory redis() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
