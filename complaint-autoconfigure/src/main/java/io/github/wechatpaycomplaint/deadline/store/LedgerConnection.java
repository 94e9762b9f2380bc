package io.github.wechatpaycomplaint.deadline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.wechatpaycomplaint.deadline.store.JdbcLedgerRows.StoredComplaint;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * One connection that a ledger operation reads and writes on, committing only when the
 * pool hands out connections with auto-commit off. With auto-commit on (HikariCP's
 * default), each statement commits on its own and an operation costs one round trip per
 * statement: a transaction around a read and a compare-and-set write adds nothing but a
 * commit, since the version compared makes the write safe on its own.
 */
final class LedgerConnection {

	private final Connection connection;

	private final boolean autoCommit;

	private final SQLExceptionTranslator translator;

	// Statements ran since the last commit or rollback (auto-commit off only).
	private boolean pending;

	LedgerConnection(Connection connection, SQLExceptionTranslator translator) throws SQLException {
		this.connection = connection;
		this.autoCommit = connection.getAutoCommit();
		this.translator = translator;
	}

	/**
	 * The rows a query reads.
	 * @param sql a query of {@link JdbcLedgerRows#COLUMNS}
	 * @param arguments its parameters
	 * @return the rows
	 * @throws SQLException when the query fails
	 */
	List<StoredComplaint> query(String sql, Object... arguments) throws SQLException {
		this.pending = !this.autoCommit;
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			new ArgumentPreparedStatementSetter(arguments).setValues(statement);
			try (ResultSet rows = statement.executeQuery()) {
				List<StoredComplaint> read = new ArrayList<>(1);
				while (rows.next()) {
					read.add(JdbcLedgerRows.read(rows, read.size()));
				}
				return read;
			}
		}
	}

	/**
	 * Runs a write, committed when it counted rows.
	 * @param sql the statement
	 * @param arguments its parameters
	 * @return the rows it counted
	 * @throws SQLException when it fails
	 */
	int update(String sql, Object... arguments) throws SQLException {
		int count;
		this.pending = !this.autoCommit;
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			new ArgumentPreparedStatementSetter(arguments).setValues(statement);
			count = statement.executeUpdate();
		}
		if (count > 0) {
			commit();
		}
		return count;
	}

	/**
	 * Runs an insert, committed.
	 * @param sql the statement
	 * @param arguments its parameters
	 * @return {@code false} when the key was taken
	 * @throws SQLException when it fails otherwise
	 */
	boolean insert(String sql, Object... arguments) throws SQLException {
		try {
			return update(sql, arguments) == 1;
		}
		catch (SQLException ex) {
			DataAccessException translated = this.translator.translate("insert", sql, ex);
			if (translated instanceof DuplicateKeyException) {
				// PostgreSQL ends a transaction at its first error.
				endAttempt();
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Ends what an attempt read without writing, so that the next attempt reads anew (a
	 * repeatable-read snapshot would show it the same row for ever).
	 * @throws SQLException when the rollback fails
	 */
	void endAttempt() throws SQLException {
		if (this.pending) {
			this.pending = false;
			this.connection.rollback();
		}
	}

	private void commit() throws SQLException {
		if (this.pending) {
			this.pending = false;
			this.connection.commit();
		}
	}

}
