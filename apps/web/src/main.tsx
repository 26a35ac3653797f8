import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { loadContract } from "./api/client.ts";
import { createQueryClient } from "./api/query-client.ts";
import { createRouter } from "./router.tsx";
import "./styles/index.css";

// Start fetching the API contract while React renders the first page (see api/client.ts).
void loadContract();
const queryClient = createQueryClient();
const router = createRouter();

const root = document.getElementById("root");
if (!root) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
