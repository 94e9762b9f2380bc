package io.github.wechatpaycomplaint.notification.inbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.sql.DataSource;

/**
 * A data source that runs an action once, just before the first statement whose SQL
 * matches is prepared: to interleave another session's work between two statements.
 */
final class BeforeStatement {

	private BeforeStatement() {
	}

	static DataSource of(DataSource target, Predicate<String> matches, Runnable action) {
		AtomicBoolean done = new AtomicBoolean();
		return (DataSource) Proxy.newProxyInstance(BeforeStatement.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					Object result = invoke(target, method, arguments);
					if (result instanceof Connection connection) {
						return connection(connection, matches, action, done);
					}
					return result;
				});
	}

	private static Connection connection(Connection target, Predicate<String> matches, Runnable action,
			AtomicBoolean done) {
		return (Connection) Proxy.newProxyInstance(BeforeStatement.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().startsWith("prepare") && arguments != null && arguments.length > 0
							&& arguments[0] instanceof String sql && matches.test(sql)
							&& done.compareAndSet(false, true)) {
						action.run();
					}
					return invoke(target, method, arguments);
				});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
