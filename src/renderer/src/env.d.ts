/// <reference types="vite/client" />
// window.leadwatch is declared by src/preload/api.d.ts (part of this tsconfig).
