package io.github.wechatpaycomplaint.deadline.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * A data source that writes down what its connections are asked to do: the first word of
 * every statement prepared, and every commit and rollback; optionally it hands out
 * connections with auto-commit off, as some pools are configured.
 */
final class RecordingDataSource {

	private final DataSource target;

	private final boolean autoCommitOff;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	RecordingDataSource(DataSource target, boolean autoCommitOff) {
		this.target = target;
		this.autoCommitOff = autoCommitOff;
	}

	DataSource dataSource() {
		return (DataSource) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					Object result = invoke(this.target, method, arguments);
					if (result instanceof Connection connection) {
						if (this.autoCommitOff) {
							connection.setAutoCommit(false);
						}
						return connection(connection);
					}
					return result;
				});
	}

	/**
	 * What the connections were asked, in order: {@code SELECT}, {@code INSERT},
	 * {@code UPDATE}, {@code DELETE} for statements, {@code commit} and {@code rollback}.
	 * @return the calls so far
	 */
	List<String> calls() {
		return List.copyOf(this.calls);
	}

	void clear() {
		this.calls.clear();
	}

	private Connection connection(Connection connection) {
		return (Connection) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					String name = method.getName();
					if (name.startsWith("prepare") && arguments != null && arguments[0] instanceof String sql) {
						this.calls.add(sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
					}
					else if (name.equals("commit") || name.equals("rollback")) {
						this.calls.add(name);
					}
					else if (name.equals("close") && this.autoCommitOff) {
						// A pooled connection goes back as the pool handed it out.
						connection.setAutoCommit(true);
					}
					return invoke(connection, method, arguments);
				});
	}

	private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
