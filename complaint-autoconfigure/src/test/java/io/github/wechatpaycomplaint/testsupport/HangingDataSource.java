package io.github.wechatpaycomplaint.testsupport;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A DataSource whose getConnection waits until interrupted, like a connection pool in
 * front of a dead database; it then fails as HikariCP does.
 */
public final class HangingDataSource {

	private final AtomicInteger interrupted = new AtomicInteger();

	private final DataSource dataSource = (DataSource) Proxy.newProxyInstance(HangingDataSource.class.getClassLoader(),
			new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
				if (method.getName().equals("getConnection")) {
					return hang();
				}
				if (method.getName().equals("toString")) {
					return "HangingDataSource";
				}
				if (method.getName().equals("hashCode")) {
					return System.identityHashCode(proxy);
				}
				if (method.getName().equals("equals")) {
					return proxy == args[0];
				}
				throw new UnsupportedOperationException(method.getName());
			});

	private Connection hang() throws SQLException {
		try {
			new CountDownLatch(1).await();
			throw new IllegalStateException("unreachable");
		}
		catch (InterruptedException ex) {
			this.interrupted.incrementAndGet();
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted during connection acquisition", ex);
		}
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/** How many waits for a connection were interrupted. */
	public int interrupted() {
		return this.interrupted.get();
	}

}
