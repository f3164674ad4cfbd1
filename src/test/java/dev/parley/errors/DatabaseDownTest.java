package dev.parley.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseDownTest {
    @Test
    void aLockWaitThatRanOutIsUnavailableWhereverItSitsInTheChain() {
        var lockTimeout = new SQLException("ERROR: canceling statement due to lock timeout\n  Where: while locking tuple", "55P03");
        Unavailable answer = DatabaseDown.recognise(new RuntimeException("rollback", new IllegalStateException("jpa", lockTimeout)));
        assertNotNull(answer);
        assertEquals(ErrorCode.UNAVAILABLE, answer.code());
    }

    @Test
    void otherSqlFailuresAreNot() {
        assertNull(DatabaseDown.recognise(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }
}
