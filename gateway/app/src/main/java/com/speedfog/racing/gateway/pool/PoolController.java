package com.speedfog.racing.gateway.pool;

import com.speedfog.racing.gateway.identity.Role;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.identity.UserRepository;
import com.speedfog.racing.gateway.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
class PoolController {

    private final PoolService pools;
    private final UserRepository users;

    PoolController(PoolService pools, UserRepository users) {
        this.pools = pools;
        this.users = users;
    }

    @GetMapping("/api/pools")
    List<PoolService.PoolStats> pools() {
        return pools.pools();
    }

    @GetMapping("/api/admin/seeds")
    List<PoolService.SeedRow> seeds() {
        return pools.seeds();
    }

    @PostMapping("/api/admin/seeds/scan")
    PoolService.ScanReport scan() {
        return pools.scan();
    }

    @PostMapping("/api/admin/seeds/discard")
    ResponseEntity<Void> discard(@RequestBody Map<String, String> body) {
        String seedId = body == null ? null : body.get("seed_id");
        if (seedId == null || seedId.isBlank()) {
            throw ApiProblem.invalid("invalid_request", "send {\"seed_id\": \"pool/seed\"}");
        }
        pools.discard(seedId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/users")
    List<User> users() {
        return users.all();
    }

    @PutMapping("/api/admin/users/{userId}/role")
    User role(@PathVariable UUID userId, @RequestBody Map<String, String> body) {
        Role role;
        try {
            role = Role.parse(body == null ? null : body.get("role"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("invalid_role", e.getMessage());
        }
        users.byId(userId).orElseThrow(() -> ApiProblem.notFound("user_not_found", "no such user"));
        users.setRole(userId, role);
        return users.byId(userId).orElseThrow();
    }
}
