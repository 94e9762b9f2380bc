package io.github.wechatpaycomplaint.testsupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The real servers the {@code services} tests talk to, on 127.0.0.1 as the README and CI
 * start them. A missing server fails the test; nothing is skipped.
 */
public final class Services {

	public static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	private Services() {
	}

	/**
	 * A connection pool on the PostgreSQL server, shared by the test JVM; an application
	 * context that is given it as a bean cannot close it (no {@code close()} method).
	 * @return the pool
	 */
	public static DataSource postgresql() {
		return Pools.POSTGRESQL;
	}

	/**
	 * A connection pool on the MariaDB server, shared by the test JVM; an application
	 * context that is given it as a bean cannot close it (no {@code close()} method).
	 * @return the pool
	 */
	public static DataSource mariadb() {
		return Pools.MARIADB;
	}

	// Pooled as every application's DataSource is: a new server connection per statement
	// costs a PostgreSQL backend
	// fork each, and 32 concurrent claims on a loaded 2-core machine then outlast the
	// stores' 2 s operation timeout.
	private static HikariDataSource pool(String url, String user) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPassword("");
		pool.setMaximumPoolSize(40);
		pool.setConnectionTimeout(5000);
		return pool;
	}

	public static LettuceConnectionFactory redis() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static final class Pools {

		static final DataSource POSTGRESQL = new DelegatingDataSource(pool(POSTGRESQL_URL, "postgres"));

		static final DataSource MARIADB = new DelegatingDataSource(pool(MARIADB_URL, "root"));

	}

}
