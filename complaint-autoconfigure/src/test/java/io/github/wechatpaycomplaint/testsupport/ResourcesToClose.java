package io.github.wechatpaycomplaint.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test opened (clients, limiters, servers), closed in list order when the test
 * ends; a limiter added first is closed before the client it uses.
 */
public final class ResourcesToClose implements AutoCloseable {

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	public void add(AutoCloseable resource) {
		this.resources.addLast(resource);
	}

	public void addFirst(AutoCloseable resource) {
		this.resources.addFirst(resource);
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		this.resources.clear();
	}

}
