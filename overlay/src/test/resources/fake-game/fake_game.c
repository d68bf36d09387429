/*
 * A stand-in for the game process in the overlay's tests. It maps a module image file at a fixed
 * address (so the absolute pointers inside it are right), names itself like the game, and then
 * obeys its standard input:
 *   w <hex offset> <hex bytes>   write bytes at image base + offset, answer "ok"
 *   q                            exit
 * It exits by itself when its standard input closes, so a crashed test leaves nothing behind.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stdout, "error usage: fake_game IMAGE BASE_HEX NAME\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fprintf(stdout, "error open %d\n", errno);
        return 1;
    }
    unsigned long base = strtoul(argv[2], NULL, 16);
    size_t size = (size_t) st.st_size;
    /* Private and writable: our changes never reach the file, and /proc/PID/maps names the file. */
    unsigned char *image = mmap((void *) base, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
    if (image == MAP_FAILED || (unsigned long) image != base) {
        fprintf(stdout, "error mmap at %lx: %d\n", base, errno);
        return 1;
    }
    close(fd);
    /* Headers read-only, like a PE image: the file then shows as two mappings. */
    mprotect(image, 4096, PROT_READ);
    prctl(PR_SET_NAME, argv[3], 0, 0, 0);
    fprintf(stdout, "ready %d\n", (int) getpid());
    fflush(stdout);

    char line[65536];
    while (fgets(line, sizeof line, stdin) != NULL) {
        if (line[0] == 'q') {
            break;
        }
        unsigned long offset;
        char hex[32768];
        if (line[0] != 'w' || sscanf(line, "w %lx %32767s", &offset, hex) != 2) {
            fprintf(stdout, "error bad command\n");
            fflush(stdout);
            continue;
        }
        size_t count = strlen(hex) / 2;
        if (offset < 4096 || offset + count > size) {
            fprintf(stdout, "error out of range\n");
            fflush(stdout);
            continue;
        }
        for (size_t i = 0; i < count; i++) {
            image[offset + i] = (unsigned char) (hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
        }
        fprintf(stdout, "ok\n");
        fflush(stdout);
    }
    return 0;
}
